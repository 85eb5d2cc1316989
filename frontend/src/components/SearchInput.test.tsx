import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchInput } from './SearchInput';

/** A parent that keeps the search like the list pages do (the address bar's `q`). */
function Harness({ onSearch }: { onSearch: (value: string | undefined) => void }) {
  const [q, setQ] = useState<string | undefined>('nguyen');
  return (
    <>
      <SearchInput
        value={q}
        onSearch={(value) => {
          onSearch(value);
          setQ(value);
        }}
        placeholder="Tìm"
        testId="search"
      />
      <button type="button" onClick={() => setQ('tran')}>
        back
      </button>
    </>
  );
}

const input = () => screen.getByTestId('search') as HTMLInputElement;

describe('SearchInput', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('searches after a pause in typing, once, with the trimmed text', () => {
    const onSearch = vi.fn();
    render(<Harness onSearch={onSearch} />);
    expect(input().value).toBe('nguyen');

    fireEvent.change(input(), { target: { value: 'nguyen van ' } });
    act(() => vi.advanceTimersByTime(200));
    expect(onSearch).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(200));
    expect(onSearch).toHaveBeenCalledExactlyOnceWith('nguyen van');
    // The echo of our own search does not overwrite what is typed.
    expect(input().value).toBe('nguyen van ');

    act(() => vi.advanceTimersByTime(1000));
    expect(onSearch).toHaveBeenCalledTimes(1);
  });

  it('searches at once on Enter, and an emptied box clears the search', () => {
    const onSearch = vi.fn();
    render(<Harness onSearch={onSearch} />);
    fireEvent.change(input(), { target: { value: 'lan' } });
    fireEvent.keyDown(input(), { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(onSearch).toHaveBeenLastCalledWith('lan');

    fireEvent.change(input(), { target: { value: '' } });
    act(() => vi.advanceTimersByTime(400));
    expect(onSearch).toHaveBeenLastCalledWith(undefined);
  });

  it('follows a change from outside (back/forward navigation) without searching', () => {
    const onSearch = vi.fn();
    render(<Harness onSearch={onSearch} />);
    fireEvent.click(screen.getByText('back'));
    expect(input().value).toBe('tran');
    act(() => vi.advanceTimersByTime(1000));
    expect(onSearch).not.toHaveBeenCalled();
  });
});
