import { PurseProvider, type StripeLike } from '@purse/react';
import { useEffect, useState, type ReactNode } from 'react';
import type { DemoConfig } from './demo-api.js';
import { demoApi } from './demo-api.js';
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
  const t = demoMessages[locale];
  const path = usePath();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = theme;
  }, [locale, theme]);

  const current = config.personas.find((p) => p.key === persona) ?? null;
  const signOut = async (): Promise<void> => {
    await demoApi.signOut();
    setPersona(null);
    navigate('/');
  };

  const header = (
    <header className="demo-Header">
      <div className="demo-Brand">
        <span className="demo-Logo" aria-hidden="true" />
        <span>
          {t.product} <span className="demo-Brand-sub">{t.wallet}</span>
        </span>
        <span className="demo-ModeBadge">{config.mode === 'sandbox' ? t.sandbox : t.testMode}</span>
      </div>
      {current ? (
        <nav className="demo-Nav" aria-label={t.wallet}>
          <Link to="/">{t.nav.overview}</Link>
          <Link to="/spending">{t.nav.spending}</Link>
          <Link to="/top-up">{t.nav.topUp}</Link>
        </nav>
      ) : null}
      <div className="demo-Prefs">
        <label>
          <span className="demo-VisuallyHidden">{t.language}</span>
          <select
            value={locale}
            onChange={(e) => setLocale(e.target.value as DemoLocale)}
            aria-label={t.language}
          >
            <option value="en">English</option>
            <option value="de">Deutsch</option>
            <option value="fr">Français</option>
          </select>
        </label>
        <button
          type="button"
          className="demo-IconButton"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? t.light : t.dark}
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
      <div className="demo-App" data-theme={theme}>
        {header}
        <main className="demo-Main" id="main">
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
        {current && config.mode === 'sandbox' ? <Simulator t={t.simulator} /> : null}
      </div>
    </PurseProvider>
  );
}

function Page({ path, t }: { path: string; t: DemoMessages }): ReactNode {
  if (path === '/spending') return <SpendingPage t={t} />;
  if (path === '/top-up') return <TopUpPage t={t} />;
  return <OverviewPage t={t} />;
}
