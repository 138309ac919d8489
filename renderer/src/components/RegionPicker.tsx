import { Cascader } from 'antd';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { destinationOptions, divisionOptions, firstMatch, pathMatches, pathOfRegion, type RegionOption } from './regionOptions';

export interface RegionPickerProps {
  /** 'destination': filing destinations (municipalities at province level); 'division': any province or city. */
  scope: 'destination' | 'division';
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  placeholder?: string;
}

/** A province → city picker whose value is the 6-digit region code. */
export function RegionPicker({ scope, ...props }: RegionPickerProps) {
  const options = useMemo(() => (scope === 'destination' ? destinationOptions() : divisionOptions()), [scope]);
  return <RegionCascader {...props} options={options} parentsSelectable={scope === 'division'} />;
}

export interface RegionCascaderProps extends Omit<RegionPickerProps, 'scope'> {
  options: RegionOption[];
  /** Whether a province (not only a city) can be the value. */
  parentsSelectable: boolean;
}

/**
 * The region cascader every region field uses: typing filters by name or code; Enter takes the top
 * result unless the operator moved through the list with the arrow keys.
 */
export function RegionCascader({ options, parentsSelectable, value, onChange, id, placeholder }: RegionCascaderProps) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const navigated = useRef(false);

  function onKeyDownCapture(e: KeyboardEvent<HTMLElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') navigated.current = true;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || !open || !search.trim() || navigated.current) return;
    const code = firstMatch(options, search, parentsSelectable);
    if (!code) return;
    e.preventDefault();
    e.stopPropagation();
    onChange?.(code);
    setSearch('');
    setOpen(false);
  }

  return (
    <div onKeyDownCapture={onKeyDownCapture}>
      <Cascader<RegionOption>
        id={id}
        options={options}
        value={pathOfRegion(value, options)}
        onChange={(path) => onChange?.(path ? path[path.length - 1] : undefined)}
        changeOnSelect={parentsSelectable}
        open={open}
        onOpenChange={setOpen}
        showSearch={{
          filter: pathMatches,
          limit: 50,
          searchValue: search,
          onSearch: (text) => {
            navigated.current = false;
            setSearch(text);
          },
        }}
        placeholder={placeholder ?? '输入地名或区划代码搜索，或逐级选择'}
        style={{ width: '100%' }}
      />
    </div>
  );
}
