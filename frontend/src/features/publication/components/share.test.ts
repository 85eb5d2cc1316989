import { cardFileName, cardPath, copyText } from './share';

describe('share kit helpers', () => {
  it('serves the card from this site', () => {
    expect(cardPath(12)).toBe('/api/v1/public/exemplars/12/card.png');
    expect(cardFileName(12)).toBe('the-chia-se-dien-hinh-12.png');
  });

  it('copies with the Clipboard API, else through a text area', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    expect(await copyText('Zalo')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('Zalo');

    writeText.mockRejectedValue(new Error('denied'));
    const execCommand = vi.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    expect(await copyText('Facebook')).toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull();
  });
});
