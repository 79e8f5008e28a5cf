import { useState, type ReactNode } from 'react';
import type { DemoConfig } from '../demo-api.js';
import { isPersonaKey, type DemoMessages } from '../messages.js';

export function PersonaPicker({
  personas,
  t,
  onPick,
}: {
  personas: DemoConfig['personas'];
  t: DemoMessages;
  onPick: (key: string) => Promise<void>;
}): ReactNode {
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <section className="demo-Picker" aria-labelledby="picker-title">
      <h1 id="picker-title">{t.pickTitle}</h1>
      <p className="demo-Lead">{t.pickIntro}</p>
      <p className="demo-Lead">{t.pickHow}</p>
      <ul className="demo-PersonaList">
        {personas.map((persona) => {
          // The server's descriptions are English; the demo's catalog has them in every locale.
          const words = isPersonaKey(persona.key) ? t.personas[persona.key] : null;
          return (
            <li key={persona.key} className="demo-Persona">
              <span className="demo-Avatar" aria-hidden="true">
                {persona.name
                  .split(' ')
                  .map((part) => part[0])
                  .join('')}
              </span>
              <span className="demo-Persona-text">
                <strong>{persona.name}</strong>
                <span>{words?.description ?? persona.description}</span>
                {words ? (
                  <span className="demo-TryFirst">
                    <strong>{t.tryFirstLabel}</strong> {words.tryFirst}
                  </span>
                ) : null}
              </span>
              <button
                type="button"
                className="purse-Button"
                disabled={busy !== null}
                onClick={() => {
                  setBusy(persona.key);
                  void onPick(persona.key).finally(() => setBusy(null));
                }}
              >
                {t.continueAs(persona.name.split(' ')[0] ?? persona.name)}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
