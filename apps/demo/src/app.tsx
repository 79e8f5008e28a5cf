import { PurseProvider, type StripeLike } from '@purse/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DemoConfig } from './demo-api.js';
import { demoApi } from './demo-api.js';
import { BrandName } from './brand-name.js';
import { demoMessages, type DemoLocale, type DemoMessages } from './messages.js';
import { OverviewPage } from './pages/overview.js';
import { PersonaPicker } from './pages/persona-picker.js';
import { SpendingPage } from './pages/spending.js';
import { TopUpPage } from './pages/top-up.js';
import { LOCALES, THEMES, usePreference } from './preferences.js';
import { Link, navigate, usePath } from './router.js';
import { Simulator } from './simulator.js';

export interface AppProps {
  config: DemoConfig;
  stripe: Promise<StripeLike | null>;
}

export function App({ config, stripe }: AppProps): ReactNode {
  const [persona, setPersona] = useState(config.persona);
  const [locale, setLocale] = usePreference<DemoLocale>('purse-demo-locale', LOCALES, 'en');
  const [theme, setTheme] = usePreference('purse-demo-theme', THEMES, 'light');
  // On phones the settings fold away behind one button; on wider screens they are always shown.
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [presenterOpen, setPresenterOpen] = useState(false);
  const presenterToggle = useRef<HTMLButtonElement>(null);
  const t = demoMessages[locale];
  const path = usePath();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = theme;
  }, [locale, theme]);

  const current = config.personas.find((p) => p.key === persona) ?? null;
  const presenter = current !== null && config.mode === 'sandbox';
  const signOut = async (): Promise<void> => {
    await demoApi.signOut();
    setPersona(null);
    setPresenterOpen(false);
    navigate('/');
  };

  const header = (
    <header className="demo-Header">
      <div className="demo-Brand">
        <span className="demo-Logo" aria-hidden="true" />
        <BrandName name={t.walletName} product={t.product} />
        <span className="demo-ModeBadge">{config.mode === 'sandbox' ? t.sandbox : t.testMode}</span>
      </div>
      <div className="demo-HeaderActions">
        {presenter ? (
          <button
            ref={presenterToggle}
            type="button"
            className="demo-IconButton demo-PresenterToggle"
            aria-expanded={presenterOpen}
            aria-controls="presenter-tools"
            onClick={() => setPresenterOpen(!presenterOpen)}
          >
            {t.simulator.open}
          </button>
        ) : null}
        <button
          type="button"
          className="demo-IconButton demo-SettingsToggle"
          aria-expanded={settingsOpen}
          aria-controls="demo-settings"
          onClick={() => setSettingsOpen(!settingsOpen)}
        >
          {t.settings}
        </button>
      </div>
      {current ? (
        <nav className="demo-Nav" aria-label={t.navLabel}>
          <Link to="/">{t.nav.overview}</Link>
          <Link to="/spending">{t.nav.spending}</Link>
          <Link to="/top-up">{t.nav.topUp}</Link>
        </nav>
      ) : null}
      <div className="demo-Prefs" id="demo-settings" data-open={settingsOpen}>
        <label>
          <span className="demo-VisuallyHidden">{t.language}</span>
          <select
            value={locale}
            onChange={(e) => setLocale(e.target.value as DemoLocale)}
            aria-label={t.language}
          >
            <option value="en" lang="en">
              English
            </option>
            <option value="de" lang="de">
              Deutsch
            </option>
            <option value="fr" lang="fr">
              Français
            </option>
          </select>
        </label>
        {/* A toggle names what it turns on; aria-pressed says whether it is on (never "Light" while pressed). */}
        <button
          type="button"
          className="demo-IconButton"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {t.darkMode}
        </button>
        {current ? (
          <button
            type="button"
            className="demo-IconButton"
            onClick={() => void signOut()}
            title={t.signedInAs(current.name)}
          >
            {t.switchUser}
          </button>
        ) : null}
      </div>
    </header>
  );

  return (
    <PurseProvider
      baseUrl="/api/purse"
      stripe={stripe}
      locale={locale}
      theme={theme}
      key={persona ?? 'none'}
    >
      <div className="demo-App" data-theme={theme} data-presenter={presenter && presenterOpen}>
        <a className="demo-SkipLink" href="#main">
          {t.skipToContent}
        </a>
        {header}
        <main className="demo-Main" id="main" tabIndex={-1}>
          {current ? (
            <Page path={path} t={t} />
          ) : (
            <PersonaPicker
              personas={config.personas}
              t={t}
              onPick={async (key) => {
                await demoApi.signIn(key);
                setPersona(key);
              }}
            />
          )}
        </main>
        {/* Stays mounted while closed, so its log of what the presenter did survives. */}
        {presenter ? (
          <Simulator
            id="presenter-tools"
            open={presenterOpen}
            t={t.simulator}
            locale={locale}
            onClose={() => {
              setPresenterOpen(false);
              // Focus goes back to the button that opened the panel.
              presenterToggle.current?.focus();
            }}
          />
        ) : null}
      </div>
    </PurseProvider>
  );
}

function Page({ path, t }: { path: string; t: DemoMessages }): ReactNode {
  if (path === '/spending') return <SpendingPage t={t} />;
  if (path === '/top-up') return <TopUpPage t={t} />;
  return <OverviewPage t={t} />;
}
