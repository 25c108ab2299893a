// Visual regression of the key screens, in the Storybook test run (`npm test`): after the play function of a
// story tagged `visual`, its canvas is compared with the reference screenshot committed in
// stories/__screenshots__/. Update the references on purpose with `npm run test:screenshots:update`.
import { afterEach, expect } from 'vitest';
import { page } from 'vitest/browser';

interface StoryUnderTest {
  id: string;
  tags: string[];
}

/** What changes from run to run and is not layout: masked (drawn as solid boxes, so their size and place still count). */
const VOLATILE = [
  '.clink-qr__code', // The sandbox's QR codes carry a new order id every run.
  '.clink-countdown__timer', // The seconds tick.
  '.story-navigation dd', // Intercepted URLs carry order ids.
];

afterEach(async (context) => {
  const story = (context as unknown as { story?: StoryUnderTest }).story;
  if (!story?.tags.includes('visual')) return;
  await document.fonts.ready;
  const canvas = document.querySelector('.story-canvas');
  if (!canvas) throw new Error(`story ${story.id} has no .story-canvas to compare`);
  const mask = VOLATILE.flatMap((selector) => [...document.querySelectorAll(selector)]);
  await expect.element(page.elementLocator(canvas)).toMatchScreenshot(story.id, {
    screenshotOptions: { mask, animations: 'disabled', caret: 'hide' },
    // Two equal screenshots in a row make a stable one; a busy machine needs longer than the default 5 s.
    timeout: 15_000,
  });
});
