/**
 * JSON Schema (draft 2020-12) from a validator's `spec`. Used by the tests that publish
 * `content/schema/*.schema.json` and by tools; elements never import it.
 */
import type { Schema } from './validate.js';

export function toJSONSchema(schema: Schema<unknown>): Record<string, unknown> {
  const sp = schema.spec;
  let out: Record<string, unknown>;
  switch (sp.type) {
    case 'number': {
      const o = sp.opts;
      out = { type: o.integer ? 'integer' : 'number' };
      if (o.min !== undefined) out[o.exclusiveMin ? 'exclusiveMinimum' : 'minimum'] = o.min;
      if (o.max !== undefined) out.maximum = o.max;
      break;
    }
    case 'string': {
      const o = sp.opts;
      out = { type: 'string' };
      if (o.minLength) out.minLength = o.minLength;
      if (o.maxLength !== undefined) out.maxLength = o.maxLength;
      if (o.pattern) out.pattern = o.pattern.source;
      break;
    }
    case 'boolean':
      out = { type: 'boolean' };
      break;
    case 'any':
      out = {};
      break;
    case 'enum':
      out = { enum: [...sp.values] };
      break;
    case 'array':
      out = { type: 'array', items: toJSONSchema(sp.item) };
      if (sp.opts.minItems !== undefined) out.minItems = sp.opts.minItems;
      if (sp.opts.maxItems !== undefined) out.maxItems = sp.opts.maxItems;
      break;
    case 'union':
      out = { anyOf: sp.of.map(toJSONSchema) };
      break;
    case 'tagged':
      out = { oneOf: sp.variants.map(toJSONSchema) };
      break;
    case 'object': {
      const properties: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(sp.shape)) properties[k] = toJSONSchema(v);
      out = {
        type: 'object',
        properties,
        required: Object.keys(sp.shape).filter((k) => !sp.shape[k].optional),
        additionalProperties: sp.allowUnknown,
      };
      break;
    }
  }
  if (schema.description) out.description = schema.description;
  if (schema.defaultValue !== undefined) out.default = schema.defaultValue;
  return out;
}
