import { isConfigurable, type AttributeSchema, type AttributeType } from '../../resources/schema.js';
import type { ObjectAttributeType, TypeConstraint } from '../type-constraint.js';

/** A resource attribute's type as a type constraint, so literal arguments convert like variables. */
export function typeOfAttribute(type: AttributeType): TypeConstraint {
  if (typeof type === 'string') return { kind: type };
  if ('list' in type) return { kind: 'list', element: typeOfAttribute(type.list) };
  if ('set' in type) return { kind: 'set', element: typeOfAttribute(type.set) };
  if ('map' in type) return { kind: 'map', element: typeOfAttribute(type.map) };
  const attributes: Record<string, ObjectAttributeType> = {};
  for (const [name, attribute] of Object.entries(type.object)) {
    if (isComputedOnly(attribute)) continue;
    const entry: ObjectAttributeType = {
      type: typeOfAttribute(attribute.type),
      optional: attribute.required !== true,
      ...(attribute.default === undefined ? {} : { default: attribute.default }),
    };
    Object.defineProperty(attributes, name, { value: entry, enumerable: true });
  }
  return { kind: 'object', attributes };
}

/** True for an attribute only Lifeboat sets (ids, statuses, sizes): one a user may not write. */
export function isComputedOnly(attribute: AttributeSchema): boolean {
  return !isConfigurable(attribute);
}
