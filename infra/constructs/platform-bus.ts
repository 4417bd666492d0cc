import { Stack } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import type { StageSettings } from './stage.ts';

/** The bus every domain event goes through; its name is part of the public contract. */
export class PlatformBus extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, settings: StageSettings) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { eventBusName: `pas-kreatif-${settings.stage}` });
    // A consumer fixed after a bug, or a new one, can be replayed the events it missed.
    this.bus.archive('Archive', {
      description: `Every event on pas-kreatif-${settings.stage}, for replay`,
      eventPattern: { account: [Stack.of(this).account] },
      retention: settings.eventArchiveRetention,
    });
  }
}
