// The list's search box and filters. The box finds by 身份证号 / 姓名 / 拼音首字母 / 本地编号 /
// 平台流水号 (the main side classifies what was typed); Enter searches, Esc clears. Every other
// filter applies as soon as it is picked. The 经办人 choices are every operator, active or not.
import { Button, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { FILING_TYPES, FILING_TYPE_LABELS, UPLOAD_STATES, UPLOAD_STATE_LABELS, type FilingStatus } from '../../../../shared/domain/filing';
import { useApi } from '../../api/ApiContext';
import { CstDateRangePicker } from '../../components/CstPicker';
import { cstDateText } from '../../components/cstTime';
import { isFiltered, type FilingFilters as Filters } from './listState';

export const SEARCH_PLACEHOLDER = '身份证号 / 姓名 / 拼音首字母 / 本地编号 / 平台流水号';

const STATUS_LABELS: Record<FilingStatus, string> = { active: '有效', voided: '已作废' };

const typeOptions = FILING_TYPES.map((t) => ({ value: t, label: FILING_TYPE_LABELS[t] }));
const statusOptions = (Object.keys(STATUS_LABELS) as FilingStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const uploadOptions = UPLOAD_STATES.map((s) => ({ value: s, label: UPLOAD_STATE_LABELS[s] }));

/** The operators for the 经办人 filter; none (the filter stays empty) when they cannot be read. */
function useOperatorOptions() {
  const api = useApi();
  const [operators, setOperators] = useState<ResponseOf<'workflow.operators'>>([]);
  useEffect(() => {
    let live = true;
    void api.invoke('workflow.operators', {}).then((r) => {
      if (live && r.ok) setOperators(r.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return operators.map((o) => ({ value: o.id, label: o.active ? o.displayName : `${o.displayName}（已停用）` }));
}

export interface FilingFiltersProps {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
  onReload: () => void;
}

export function FilingFilters({ filters, onChange, onClear, onReload }: FilingFiltersProps) {
  // What is typed is only searched on Enter (or 查询): a search per keystroke would page the index for nothing.
  const [draft, setDraft] = useState(filters.query ?? '');
  const operatorOptions = useOperatorOptions();
  useEffect(() => setDraft(filters.query ?? ''), [filters.query]);

  const search = (text: string) => onChange({ query: text.trim() || undefined });
  const range = filters.filedFrom && filters.filedTo ? ([dayjs(filters.filedFrom), dayjs(filters.filedTo)] as const) : null;
  const select = { allowClear: true, style: { width: 150 } } as const;

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
      <Input.Search
        aria-label="查询备案"
        placeholder={SEARCH_PLACEHOLDER}
        title="回车查询，Esc 清空"
        allowClear
        enterButton="查询"
        maxLength={50}
        style={{ width: 460 }}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={search}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          setDraft('');
          if (filters.query) search('');
        }}
      />
      <Select {...select} aria-label="备案类型" placeholder="备案类型" options={typeOptions} value={filters.type} onChange={(type) => onChange({ type })} popupMatchSelectWidth={false} />
      <Select {...select} aria-label="备案状态" placeholder="备案状态" options={statusOptions} value={filters.status} onChange={(status) => onChange({ status })} style={{ width: 120 }} />
      <Select {...select} aria-label="上传状态" placeholder="上传状态" options={uploadOptions} value={filters.uploadState} onChange={(uploadState) => onChange({ uploadState })} popupMatchSelectWidth={false} />
      <CstDateRangePicker
        id="filing_filed"
        labels={['备案日期（起）', '备案日期（止）']}
        value={range && [range[0], range[1]]}
        onChange={(picked) => onChange({ filedFrom: picked ? cstDateText(picked[0]) : undefined, filedTo: picked ? cstDateText(picked[1]) : undefined })}
        style={{ width: 280 }}
      />
      <Select
        {...select}
        aria-label="经办人"
        placeholder="经办人"
        options={operatorOptions}
        value={filters.operatorId}
        onChange={(operatorId) => onChange({ operatorId })}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Button onClick={onClear} disabled={!isFiltered(filters)}>
        清空条件
      </Button>
      <Button onClick={onReload}>刷新</Button>
    </div>
  );
}
