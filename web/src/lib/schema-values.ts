/**
 * Values of a form generated from a JSON Schema (the OpenAPI request bodies): their first
 * state, the checks made before sending, and the body that is sent.
 */
import type { JsonSchema } from '../api/reference';
import { today } from './format';

export type Path = (string | number)[];
export type Value = unknown;

export const isDate = (s: JsonSchema) => s.format === 'date';
const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);
export const kindOf = (s: JsonSchema): string => typeOf(s) ?? (s.anyOf ? kindOf(s.anyOf[0] ?? {}) : 'string');

export function initial(schema: JsonSchema, required = true): Value {
  switch (kindOf(schema)) {
    case 'object': {
      // Inside an optional group (a transferred lead's origin) nothing is prefilled: a date set
      // to today would make the group half-filled, and so required, although nobody touched it.
      const out: Record<string, Value> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {}))
        out[k] = initial(s, required && (schema.required?.includes(k) ?? false));
      return out;
    }
    case 'array':
      if (schema.items && kindOf(schema.items) === 'object' && (schema.minItems ?? 0) > 0)
        return [initial(schema.items)];
      return Array.isArray(schema.default) ? schema.default : [];
    case 'boolean':
      return typeof schema.default === 'boolean' ? schema.default : undefined;
    default:
      if (schema.default !== undefined) return String(schema.default);
      return isDate(schema) && required ? today() : '';
  }
}

export function getAt(value: Value, path: Path): Value {
  return path.reduce<Value>((v, k) => (v as Record<string | number, Value> | undefined)?.[k], value);
}

export function setAt(value: Value, path: Path, next: Value): Value {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as Value[])] : { ...(value as object) }) as Record<
    string | number,
    Value
  >;
  copy[head!] = setAt(copy[head!], rest, next);
  return copy;
}

/** The body to send: empty fields left out, numbers as numbers. */
export function clean(schema: JsonSchema, value: Value): Value {
  switch (kindOf(schema)) {
    case 'object': {
      const out: Record<string, Value> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) {
        const v = clean(s, (value as Record<string, Value> | undefined)?.[k]);
        if (v !== undefined) out[k] = v;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    case 'array':
      return Array.isArray(value) ? value.map((v) => (schema.items ? clean(schema.items, v) : v)) : undefined;
    case 'integer':
    case 'number':
      return value === '' || value === undefined || value === null ? undefined : Number(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    default:
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
}

export interface FieldError {
  path: string;
  message: string;
}

/** The problems the server would refuse, found before sending, in Chinese. */
export function validate(schema: JsonSchema, value: Value, path: Path = [], required = true): FieldError[] {
  const at = path.join('.');
  const cleaned = clean(schema, value);
  if (cleaned === undefined) return required ? [{ path: at, message: '必填' }] : [];
  const errors: FieldError[] = [];
  switch (kindOf(schema)) {
    case 'object': {
      const v = value as Record<string, Value>;
      const partial = !required;
      for (const [k, s] of Object.entries(schema.properties ?? {})) {
        // An optional group (e.g. 延长的期间) is checked only once something in it is filled in.
        const need = (schema.required?.includes(k) ?? false) && (!partial || cleaned !== undefined);
        errors.push(...validate(s, v?.[k], [...path, k], need));
      }
      break;
    }
    case 'array': {
      const list = cleaned as Value[];
      if (schema.minItems !== undefined && list.length < schema.minItems)
        errors.push({ path: at, message: `至少选择或填写 ${schema.minItems} 项` });
      if (schema.maxItems !== undefined && list.length > schema.maxItems)
        errors.push({ path: at, message: `最多 ${schema.maxItems} 项` });
      if (schema.items && kindOf(schema.items) === 'object')
        (value as Value[]).forEach((item, i) => errors.push(...validate(schema.items!, item, [...path, i])));
      break;
    }
    case 'integer':
    case 'number': {
      const n = cleaned as number;
      if (!Number.isFinite(n) || (kindOf(schema) === 'integer' && !Number.isInteger(n)))
        errors.push({ path: at, message: '请填写整数' });
      else if (schema.minimum !== undefined && n < schema.minimum)
        errors.push({ path: at, message: `不能小于 ${schema.minimum}` });
      else if (schema.maximum !== undefined && n > schema.maximum)
        errors.push({ path: at, message: `不能大于 ${schema.maximum}` });
      break;
    }
    case 'string': {
      const s = cleaned as string;
      if (isDate(schema) && (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))))
        errors.push({ path: at, message: '请填写有效日期' });
      else if (schema.maxLength !== undefined && s.length > schema.maxLength)
        errors.push({ path: at, message: `最多 ${schema.maxLength} 个字` });
      else if (schema.enum && !schema.enum.includes(s)) errors.push({ path: at, message: '请选择' });
      break;
    }
  }
  return errors;
}
