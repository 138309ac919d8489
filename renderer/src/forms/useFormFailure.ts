// Shows a Failure on a form: field messages under their fields (dotted paths -> antd names), the
// overall message in an alert, and focus on the first field that needs fixing. Editing a field
// clears its message; the alert goes once no message is left.
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { Failure } from '../../../shared/contract';
import { mapFailure, pathOf } from '../api/fieldErrors';
import { focusField } from './fieldId';

export interface FormFailureState {
  failure: Failure | null;
  /** Messages for paths the form has no field for. */
  unplaced: string[];
  show(failure: Failure): void;
  clear(): void;
  /** Pass to the Form's onValuesChange. */
  onValuesChange(changed: unknown): void;
}

/** Whether `changed` (antd's nested changed-values object) contains `path`. */
function touches(changed: unknown, path: (string | number)[]): boolean {
  let node = changed;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/** `fields` are the form's field paths (dot-joined) in the order the operator fills them. */
export function useFormFailure(form: FormInstance, formName: string, fields: readonly string[]): FormFailureState {
  const [state, setState] = useState<{ failure: Failure; unplaced: string[] } | null>(null);

  const clear = useCallback(() => {
    form.setFields(fields.map((f) => ({ name: pathOf(f), errors: [] })));
    setState(null);
  }, [form, fields]);

  const show = useCallback(
    (failure: Failure) => {
      const known = new Set(fields);
      const mapped = mapFailure(failure, (dotted) => known.has(dotted));
      const failed = new Set(mapped.fields.map((f) => f.name.join('.')));
      form.setFields([...fields.filter((f) => !failed.has(f)).map((f) => ({ name: pathOf(f), errors: [] })), ...mapped.fields]);
      setState({ failure, unplaced: mapped.unplaced });
      const first = fields.find((f) => failed.has(f));
      if (first) focusField(formName, first);
    },
    [form, formName, fields],
  );

  const onValuesChange = useCallback(
    (changed: unknown) => {
      const edited = fields.filter((f) => touches(changed, pathOf(f)));
      if (!edited.length) return;
      form.setFields(edited.map((f) => ({ name: pathOf(f), errors: [] })));
      const left = fields.some((f) => form.getFieldError(pathOf(f)).length > 0);
      setState((s) => (s && !left && s.unplaced.length === 0 ? null : s));
    },
    [form, fields],
  );

  return { failure: state?.failure ?? null, unplaced: state?.unplaced ?? [], show, clear, onValuesChange };
}
