import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface SearchInputProps {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder: string;
  testId?: string;
}

const DELAY_MS = 350;

/** A search box that searches as the user types (after a short pause). */
export function SearchInput({ value, onSearch, placeholder, testId }: SearchInputProps) {
  const [text, setText] = useState(value ?? '');
  const latest = useRef(onSearch);
  latest.current = onSearch;

  // Follow outside changes (back/forward navigation).
  useEffect(() => setText(value ?? ''), [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (value ?? '')) return;
    const timer = setTimeout(() => latest.current(trimmed || undefined), DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      placeholder={placeholder}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => onSearch(text.trim() || undefined)}
      data-testid={testId}
      style={{ maxWidth: 360 }}
    />
  );
}
