import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';

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
  // The last search sent, and the value last seen from outside.
  const [emitted, setEmitted] = useState(value);
  const [seen, setSeen] = useState(value);

  // Follow outside changes (back/forward navigation), but not the echo of our own search,
  // which would overwrite what the user typed since.
  if (value !== seen) {
    setSeen(value);
    if (value !== emitted) {
      setEmitted(value);
      setText(value ?? '');
    }
  }

  const emit = (next: string) => {
    setEmitted(next || undefined);
    onSearch(next || undefined);
  };
  const emitAfterPause = useEffectEvent(emit);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (emitted ?? '')) return;
    const timer = setTimeout(() => emitAfterPause(trimmed), DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, emitted]);

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
