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
  const emitted = useRef(value);

  const emit = (next: string) => {
    emitted.current = next || undefined;
    latest.current(next || undefined);
  };

  // Follow outside changes (back/forward navigation), but not the echo of our own search,
  // which would overwrite what the user typed since.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(value ?? '');
    }
  }, [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (emitted.current ?? '')) return;
    const timer = setTimeout(() => emit(trimmed), DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      placeholder={placeholder}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => emit(text.trim())}
      data-testid={testId}
      style={{ maxWidth: 360 }}
    />
  );
}
