import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../lib/i18n';
import { useNavigate } from 'react-router';
import { Button, Field } from '../../components/ui';
import { PopularProcedures } from '../../features/catalog/PopularProcedures';
import { SectorTiles } from '../../features/catalog/SectorTiles';

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void navigate(`/procedures?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <form role="search" className="search" onSubmit={onSubmit}>
          <Field id="home-search" label={t('home.searchLabel')} hint={t('home.searchHint')}>
            <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
          </Field>
          <Button type="submit">{t('home.searchButton')}</Button>
        </form>
      </section>
      <SectorTiles />
      <PopularProcedures />
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('home.stepsTitle')}</h2>
        <ol className="steps">
          <li>{t('home.step1')}</li>
          <li>{t('home.step2')}</li>
          <li>{t('home.step3')}</li>
        </ol>
      </section>
    </>
  );
}
