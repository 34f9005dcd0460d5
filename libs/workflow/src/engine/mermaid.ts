// Mermaid export: the definition as a stateDiagram-v2, for the docs and the admin's help page.
// State codes are the ids, Japanese labels are the descriptions; [*] marks start and end.
import { workflowKey, type WorkflowDefinition } from './definition';

/** Mermaid treats newlines and ';' as statement ends, and '#' starts an entity code. */
function text(label: string): string {
  return label
    .replace(/[\r\n]+/g, ' ')
    .replace(/;/g, '；')
    .replace(/#/g, '＃')
    .trim();
}

export function toMermaid(definition: WorkflowDefinition): string {
  const lines = ['stateDiagram-v2', `  %% ${text(definition.label)} (${workflowKey(definition.code, definition.version)})`];
  for (const s of definition.states) lines.push(`  ${s.code} : ${text(s.label)}`);
  for (const s of definition.states) if (s.kind === 'initial') lines.push(`  [*] --> ${s.code}`);
  for (const t of definition.transitions) {
    for (const from of t.from) lines.push(`  ${from} --> ${t.to} : ${text(t.label)}`);
  }
  for (const s of definition.states) if (s.kind === 'terminal') lines.push(`  ${s.code} --> [*]`);
  return `${lines.join('\n')}\n`;
}
