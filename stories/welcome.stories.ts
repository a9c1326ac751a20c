import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/topic-catalog/topic-catalog.js';
import '../src/components/daily-challenge/daily-challenge.js';
import '../src/components/subscribe/subscribe.js';
import catalog from '../content/catalog.json';
// Every topic's quiz, collected by scripts/gen-stories.mjs (run before Storybook starts).
import bank from './generated/daily-bank.json';

const meta: Meta = {
  title: 'Welcome',
  parameters: { layout: 'padded' },
  tags: ['!autodocs'],
};
export default meta;

/** The learning site's front page: the catalog, the Daily Challenge drawn from every lesson's quiz, and the sign-up. */
export const Catalog: StoryObj = {
  name: 'Le Systems',
  render: () => html`<div style="display:grid;gap:2rem;max-width:72rem;margin:0 auto">
    <ls-topic-catalog .catalog=${catalog}></ls-topic-catalog>
    <section aria-label=${catalog.dailyChallenge.title}>
      ${(bank as unknown[]).length
        ? html`<ls-daily-challenge .config=${{ title: catalog.dailyChallenge.title, quizzes: bank, topicUrl: './?path=/story/learn-{topic}--lesson' }}></ls-daily-challenge>`
        : html`<p>${catalog.dailyChallenge.description}</p>`}
    </section>
    <ls-subscribe
      heading=${catalog.stayUpdated.title}
      description=${catalog.stayUpdated.description}
      action="https://example.com/newsletter/subscribe"
      mode="no-cors"
    ></ls-subscribe>
  </div>`,
};
