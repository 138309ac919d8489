// A medical institution by name: searched in the platform's 1201 list through institution.search
// (online: asked and cached; offline: the cache), picking a line fills its code too. Typed text
// without a pick keeps the name only; where the code must come from the list (转往定点医疗机构)
// the schema then says so.
import { AutoComplete, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { InstitutionHitDto } from '../../../../shared/contract/areas/lookup';
import { useApi } from '../../api/ApiContext';
import { useDebounced, useSearchBox } from './useSearchBox';

export interface InstitutionInputProps {
  id?: string;
  value?: string;
  onChange?: (name: string) => void;
  /** The picked line (its code), or null when the operator typed over it. */
  onPick: (hit: InstitutionHitDto | null) => void;
  /** Narrows the search to the destination region (2–6 digits). */
  regionCode?: string | undefined;
  placeholder?: string | undefined;
}

export function InstitutionInput({ id, value, onChange, onPick, regionCode, placeholder }: InstitutionInputProps) {
  const api = useApi();
  const box = useSearchBox();
  const [hits, setHits] = useState<InstitutionHitDto[]>([]);
  const [note, setNote] = useState<string | null>(null);
  // After a pick the box echoes the picked name as a search; that is not the operator typing.
  const pickedName = useRef<string | null>(null);

  const search = useDebounced((query: string) => {
    if (!query.trim()) return setHits([]);
    void api.invoke('institution.search', { query: query.trim(), ...(regionCode ? { regionCode } : {}), limit: 20 }).then((r) => {
      if (!r.ok) {
        setHits([]);
        setNote(`机构列表暂不可用（${r.message}），可直接填写名称`);
        return;
      }
      setHits(r.value.items);
      setNote(r.value.warning);
      if (r.value.items.length) box.onOpenChange(true);
    });
  }, 250);

  return (
    <div onKeyDownCapture={box.onKeyDownCapture}>
      <AutoComplete
        id={id}
        value={value}
        open={box.open && hits.length > 0}
        onOpenChange={box.onOpenChange}
        defaultActiveFirstOption={false}
        options={hits.map((h) => ({ value: h.code, label: `${h.name}（${h.code}）` }))}
        onSearch={(text) => {
          if (text === pickedName.current) return;
          pickedName.current = null;
          onChange?.(text);
          onPick(null);
          search(text);
        }}
        onSelect={(picked: string) => {
          const hit = hits.find((h) => h.code === picked);
          if (!hit) return;
          pickedName.current = hit.name;
          onChange?.(hit.name);
          onPick(hit);
          box.close();
        }}
        placeholder={placeholder}
        style={{ width: '100%' }}
      />
      {note && (
        <Typography.Text type="warning" style={{ fontSize: 12, display: 'block' }}>
          {note}
        </Typography.Text>
      )}
    </div>
  );
}
