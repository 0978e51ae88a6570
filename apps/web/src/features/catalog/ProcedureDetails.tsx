import type { ProcedureDetail } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { SummaryList, Tag, type SummaryListRow } from '../../components/ui';
import { API_BASE } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { AgencyContactCard } from './AgencyContactCard';
import { useCatalogText } from './useCatalogText';
import { useSectors } from './useSectors';

/** More handling offices than this are listed closed (a ward-level procedure: every ward). */
const MAX_OPEN_OFFICES = 3;

/** The procedure page: what you need, how long, how much, where, how online, and the way to apply. */
export function ProcedureDetails({ procedure: p }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const sector = useSectors().data?.find((s) => s.code === p.sectorCode);
  const description = text.english && p.descriptionEn ? p.descriptionEn : p.description;
  const result = text.english && p.resultEn ? p.resultEn : p.result;
  const feeNote = text.english && p.feeNoteEn ? p.feeNoteEn : p.feeNote;
  const applyPath = `/apply/${encodeURIComponent(p.code)}`;

  const rows: SummaryListRow[] = [
    { label: t('catalog.procedure.processingTime'), value: text.days(p.processingDays) },
    {
      label: t('catalog.procedure.fee'),
      value: (
        <>
          {text.fee(p.fee)}
          {feeNote ? <span className="summary-list__note">{feeNote}</span> : null}
        </>
      ),
    },
    {
      label: t('catalog.procedure.onlineLevel'),
      value: (
        <>
          <Tag tone={p.onlineLevel === 'FULL' ? 'success' : 'info'}>{text.level(p.onlineLevel)}</Tag>
          <span className="summary-list__note">{text.levelExplained(p.onlineLevel)}</span>
        </>
      ),
    },
    {
      label: t('catalog.procedure.where'),
      value:
        p.agencies.length === 1 ? (
          <span lang={text.nameLang(p.agencies[0])}>{text.name(p.agencies[0])}</span>
        ) : (
          <ul className="plain-list">
            {p.agencies.map((a) => (
              <li key={a.code} lang={text.nameLang(a)}>
                {text.name(a)}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  if (sector) {
    rows.push({
      label: t('catalog.procedure.sector'),
      value: <span lang={text.nameLang(sector)}>{text.name(sector)}</span>,
    });
  }
  if (result) rows.push({ label: t('catalog.procedure.result'), value: result });
  rows.push({ label: t('catalog.procedure.code'), value: p.code });

  return (
    <article className="procedure">
      <h1 lang={text.nameLang(p)}>{text.name(p)}</h1>
      {text.english && p.nameEn ? (
        <p className="procedure__official" lang="vi">
          {p.name}
        </p>
      ) : null}
      {description ? <p className="lead">{description}</p> : null}
      <p className="procedure__updated">
        {t('catalog.procedure.updated', { date: formatDate(p.updatedAt), version: p.version })}
      </p>
      {/* The way in, before the detail (GOV.UK start page): repeated at the end for who reads on. */}
      <p>
        <Link className="btn btn--primary btn--start" to={applyPath}>
          {t('catalog.procedure.apply')}
        </Link>
      </p>

      <h2>{t('catalog.procedure.summaryTitle')}</h2>
      <SummaryList rows={rows} />

      <h2>{t('catalog.procedure.documentsTitle')}</h2>
      {p.requiredDocuments.length === 0 ? (
        <p>{t('catalog.procedure.noDocuments')}</p>
      ) : (
        <>
          <p>{t('catalog.procedure.documentsLead')}</p>
          <ul className="document-list">
            {p.requiredDocuments.map((d) => (
              <li key={d.code}>
                <span lang={text.nameLang(d)}>{text.name(d)}</span>{' '}
                <Tag tone={d.required ? 'warning' : 'neutral'}>
                  {d.required ? t('catalog.procedure.required') : t('catalog.procedure.optional')}
                </Tag>
                <span className="document-list__size">{t('catalog.procedure.maxSize', { mb: d.maxSizeMb })}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {p.templates.length ? (
        <>
          <h2>{t('catalog.procedure.templatesTitle')}</h2>
          <p>{t('catalog.procedure.templatesLead')}</p>
          <ul className="document-list">
            {p.templates.map((tpl) => (
              <li key={tpl.name}>
                <a href={`${API_BASE}${tpl.url}`} download={tpl.name} lang={text.english && tpl.titleEn ? 'en' : 'vi'}>
                  {text.english && tpl.titleEn ? tpl.titleEn : tpl.title}
                </a>{' '}
                <span className="document-list__size">{t('catalog.procedure.templateKind')}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('catalog.procedure.whereTitle')}</h2>
      {p.agencies.length > MAX_OPEN_OFFICES ? <p>{t('catalog.procedure.whereMany')}</p> : null}
      {p.agencies.map((a) => (
        <AgencyContactCard key={a.code} agency={a} collapsed={p.agencies.length > MAX_OPEN_OFFICES} />
      ))}

      {p.legalBasis ? (
        <>
          <h2>{t('catalog.procedure.legalBasisTitle')}</h2>
          <p className="pre-line" lang="vi">
            {p.legalBasis}
          </p>
        </>
      ) : null}

      <h2>{t('catalog.procedure.applyTitle')}</h2>
      <p id="apply-hint">{t('catalog.procedure.applyHint')}</p>
      <Link className="btn btn--primary btn--start" to={applyPath} aria-describedby="apply-hint">
        {t('catalog.procedure.apply')}
      </Link>
    </article>
  );
}
