import { describeType } from '@lifeboat/engine';
import type { AttributeModel } from './model.js';

/** A TSDoc block at `indent`, from paragraphs (empty ones dropped) and tag lines. */
export function docComment(indent: string, paragraphs: readonly string[], tags: readonly string[] = []): string[] {
  const body = paragraphs.filter((paragraph) => paragraph !== '').map(escape);
  const lines = body.flatMap((paragraph, i) => (i === 0 ? paragraph.split('\n') : ['', ...paragraph.split('\n')]));
  if (tags.length > 0) lines.push(...(lines.length > 0 ? [''] : []), ...tags.flatMap((tag) => tag.split('\n')));
  return [`${indent}/**`, ...lines.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`];
}

/** Schema text may hold anything; inside a comment only `*\/` and a leading `@` would break it. */
function escape(text: string): string {
  return text.replaceAll('*/', '*\\/').replace(/(^|\s)@/g, '$1\\@');
}

/**
 * What a user must know about setting an attribute, in the order Terraform's docs give it:
 * required or optional, its type, whether a change replaces the object, and sensitivity.
 */
export function configNotes(attribute: AttributeModel, managed: boolean): string {
  const { schema } = attribute;
  const filledIn = !attribute.required && schema.computed === true ? '; the provider fills it in when left out' : '';
  const notes = [`${attribute.required ? 'Required' : 'Optional'} ${describeType(schema.type)}${filledIn}.`];
  if (managed && schema.forcesReplacement === true) notes.push('Changing it forces replacement.');
  if (schema.sensitive === true) notes.push('Sensitive: kept out of plans and logs.');
  notes.push(`Synthesized as \`${attribute.name}\`.`);
  return notes.join(' ');
}

/** The `@default` tag of an attribute with a default. */
export function defaultTags(attribute: AttributeModel): string[] {
  return attribute.schema.default === undefined ? [] : [`@default ${JSON.stringify(attribute.schema.default)}`];
}

/** What a getter returns: a token that synthesizes as a reference to the attribute. */
export function getterNotes(attribute: AttributeModel, address: string): string {
  const known = attribute.configurable ? '' : ' Known after apply.';
  const sensitive = attribute.schema.sensitive === true ? ' Sensitive: mark outputs that show it `sensitive`.' : '';
  return `A token that synthesizes as \`\${${address}.${attribute.name}}\`.${known}${sensitive}`;
}
