import type { LoggedAnswer } from './answers-log.ts';

interface Document {
  paths: Record<string, Record<string, unknown>>;
}

/** `/orders/{orderId}` → a matcher of its paths; literal segments count, so the most literal template wins. */
function templates(document: Document) {
  return Object.keys(document.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
      literals: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
    }))
    .sort((a, b) => b.literals - a.literals);
}

/**
 * The answers no operation of the document lists: each as `METHOD /template → status`, once. Paths outside the
 * document (`/_local/*`, an unknown route) and methods a path does not have are the edge's, not an operation's.
 */
export function undocumentedAnswers(document: Document, answers: readonly LoggedAnswer[]): string[] {
  const matchers = templates(document);
  const found = new Set<string>();
  for (const { method, path, status } of answers) {
    const template = matchers.find(({ pattern }) => pattern.test(path))?.template;
    const operation = (template ? document.paths[template]?.[method.toLowerCase()] : undefined) as
      { responses: Record<string, unknown> } | undefined;
    if (operation && !(String(status) in operation.responses)) found.add(`${method} ${template} → ${status}`);
  }
  return [...found].sort();
}
