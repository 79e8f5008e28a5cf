/**
 * Phone-width stories for a component's own stories file: a frame `width` pixels wide, the
 * Storybook viewports of 320 and 390 px phones, and a check that nothing inside the frame is
 * wider than it (no sideways scrolling). Test-only: excluded from the build.
 */
import type { Decorator } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';

export const PHONE_VIEWPORTS = {
  phone320: { name: 'Phone, 320 px', styles: { width: '320px', height: '640px' }, type: 'mobile' },
  phone390: { name: 'Phone, 390 px', styles: { width: '390px', height: '844px' }, type: 'mobile' },
};

/** Renders the story in a frame `width` pixels wide (`data-testid="phone"`), as on a phone. */
export const inPhoneFrame =
  (width: 320 | 390): Decorator =>
  (Story) => (
    <div data-testid="phone" style={{ width: `${String(width)}px`, maxWidth: '100%' }}>
      <Story />
    </div>
  );

/** The story's parts for a phone `width` wide: frame decorator and viewport. */
export const phoneStory = (width: 320 | 390) => ({
  decorators: [inPhoneFrame(width)],
  globals: { viewport: { value: `phone${String(width)}`, isRotated: false } },
});

/** Checks that nothing shown inside `phone` reaches past its right edge (no sideways scrolling). */
export async function expectNothingWider(phone: HTMLElement): Promise<void> {
  const right = phone.getBoundingClientRect().right + 0.5;
  const wide = Array.from(phone.querySelectorAll<HTMLElement>('*'))
    // Visually hidden text (the chart's table for screen readers) is clipped, never seen.
    .filter((el) => !el.closest('.purse-VisuallyHidden'))
    .filter(
      (el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > right,
    )
    .map((el) => `${el.tagName.toLowerCase()}${el.dataset.slot ? `[${el.dataset.slot}]` : ''}`);
  await expect(wide).toEqual([]);
}

/** Waits until `card` (a `data-state` root) is `state`, then checks nothing sticks out of the phone. */
export async function expectFitsPhone(
  canvasElement: HTMLElement,
  cardSelector: string,
  state = 'ready',
): Promise<void> {
  const phone = within(canvasElement).getByTestId('phone');
  const card = phone.querySelector<HTMLElement>(cardSelector);
  if (!card) throw new Error(`no ${cardSelector}`);
  await waitFor(() => expect(card.dataset.state).toBe(state), { timeout: 5000 });
  await expect(card.scrollWidth).toBeLessThanOrEqual(phone.clientWidth);
  await expectNothingWider(phone);
}
