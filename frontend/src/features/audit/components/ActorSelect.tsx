import { Select } from 'antd';
import { useState } from 'react';
import { roleLabel } from '@/lib/roles';
import { useActor, useActorSearch } from '../api/audit';

interface ActorSelectProps {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
}

/** Picks the person whose actions to show; the server searches (ignoring diacritics). */
export function ActorSelect({ value, onChange }: ActorSelectProps) {
  const [search, setSearch] = useState('');
  const found = useActorSearch(search.trim());
  const chosen = useActor(value);
  const people = found.data?.items ?? [];
  const options = people.map((user) => ({
    value: user.id,
    label: `${user.fullName} (${user.username})`,
    title: roleLabel(user.role),
  }));
  if (chosen.data && !people.some((user) => user.id === chosen.data.id)) {
    options.unshift({
      value: chosen.data.id,
      label: `${chosen.data.fullName} (${chosen.data.username})`,
      title: roleLabel(chosen.data.role),
    });
  }
  return (
    <Select<number>
      allowClear
      placeholder="Người thực hiện"
      value={value}
      onChange={(id) => onChange(id ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.isFetching}
      options={options}
      notFoundContent={found.isFetching ? 'Đang tìm…' : 'Không tìm thấy người dùng'}
      style={{ minWidth: 240 }}
      popupMatchSelectWidth={false}
      data-testid="audit-filter-actor"
    />
  );
}
