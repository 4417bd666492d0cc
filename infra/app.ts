import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseStage } from './constructs/stage.ts';
import { PasKreatifStack } from './stack.ts';

const app = new App();
const stage = parseStage(app.node.tryGetContext('stage'));
new PasKreatifStack(app, `PasKreatif-${stage}`, { stage, description: `PAS Kreatif backend (${stage})` });
// A finding fails the synth; each accepted one is acknowledged on its own construct, with its reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
