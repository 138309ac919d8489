// A diagnosis from the locally stored catalogue (diagnosis.search: code prefix, name, pinyin
// initials). Picking a line fills both the name and the code; free text is allowed, with a warning
// when the catalogue could not be searched or has no such entry (policy-rules.md: diagnosis code
// required by 2501, so the operator should check it before upload).
import { AutoComplete, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { DiagnosisHitDto } from '../../../../shared/contract/areas/lookup';
import { useApi } from '../../api/ApiContext';
import { useDebounced, useSearchBox } from './useSearchBox';

export interface DiagnosisInputProps {
  id?: string;
  value?: string;
  onChange?: (text: string) => void;
  /** Which half of the diagnosis this box edits; the other half is filled on a pick. */
  half: 'name' | 'code';
  onPick: (hit: DiagnosisHitDto) => void;
  placeholder?: string | undefined;
  maxLength?: number | undefined;
}

type Status = 'idle' | 'found' | 'none' | 'unavailable';

export function DiagnosisInput({ id, value, onChange, half, onPick, placeholder, maxLength }: DiagnosisInputProps) {
  const api = useApi();
  const box = useSearchBox();
  const [hits, setHits] = useState<DiagnosisHitDto[]>([]);
  const [status, setStatus] = useState<Status>('idle');
  const [picked, setPicked] = useState(false);
  // After a pick the box echoes the picked text as a search; that is not the operator typing.
  const pickedText = useRef<string | null>(null);

  const search = useDebounced((query: string) => {
    if (!query.trim()) {
      setHits([]);
      return setStatus('idle');
    }
    void api.invoke('diagnosis.search', { query: query.trim(), limit: 20 }).then((r) => {
      if (!r.ok) {
        setHits([]);
        return setStatus('unavailable');
      }
      setHits(r.value);
      setStatus(r.value.length ? 'found' : 'none');
      if (r.value.length) box.onOpenChange(true);
    });
  }, 250);

  const warning =
    picked || !value?.trim()
      ? null
      : status === 'unavailable'
        ? '诊断目录暂不可用，已按手工录入，请核对诊断名称和编码'
        : status === 'none'
          ? '诊断目录中未找到，已按手工录入，请核对'
          : null;

  return (
    <div onKeyDownCapture={box.onKeyDownCapture}>
      <AutoComplete
        id={id}
        value={value}
        open={box.open && hits.length > 0}
        onOpenChange={box.onOpenChange}
        defaultActiveFirstOption={false}
        options={hits.map((h) => ({ value: `${h.code}\u0000${h.name}`, label: `${h.code} ${h.name}` }))}
        onSearch={(text) => {
          if (text === pickedText.current) return;
          pickedText.current = null;
          onChange?.(text);
          setPicked(false);
          search(text);
        }}
        onSelect={(v: string) => {
          const [code = '', name = ''] = v.split('\u0000');
          pickedText.current = half === 'name' ? name : code;
          onChange?.(pickedText.current);
          onPick({ code, name });
          setPicked(true);
          box.close();
        }}
        maxLength={maxLength}
        placeholder={placeholder}
        style={{ width: '100%' }}
      />
      {warning && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid={`diagnosis-${half}-warning`}>
          {warning}
        </Typography.Text>
      )}
    </div>
  );
}
