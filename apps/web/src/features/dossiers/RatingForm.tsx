import type { RatingDto, RatingRequest } from '@motcua/shared';
import { NOTE_MAX_LENGTH } from '@motcua/shared/dossier';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, ErrorSummary, Field, Radios } from '../../components/ui';
import { dossierErrorText } from './dossierErrors';
import { useDossierAction } from './useDossierAction';

const SCORE_ID = 'rating-score';
const SCORES = [5, 4, 3, 2, 1] as const;

/** The applicant's satisfaction (1–5, in words) and an optional comment, once the result is returned. */
export function RatingForm({
  dossierId,
  onDone,
  focusOnMount = false,
  headingLevel = 2,
}: {
  dossierId: string;
  onDone: () => void;
  /** 3 under the tracking page's result heading. */
  headingLevel?: 2 | 3;
  /** Opened from a link to the rating (`#danh-gia`): its heading takes the focus, so the page scrolls to it. */
  focusOnMount?: boolean;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<{ kind: 'score' | 'tooLong' } | { kind: 'api'; error: unknown } | null>(null);
  const rate = useDossierAction<RatingRequest, RatingDto>(dossierId, 'rating');

  const scoreError = problem?.kind === 'score' ? t('dossiers.rating.scoreRequired') : undefined;
  const commentError =
    problem?.kind === 'tooLong' ? t('dossiers.rating.commentTooLong', { max: NOTE_MAX_LENGTH }) : undefined;
  const summary = useMemo(() => {
    if (!problem) return [];
    if (problem.kind === 'api') return [{ fieldId: SCORE_ID, message: dossierErrorText(t, problem.error) }];
    return [
      problem.kind === 'score'
        ? { fieldId: SCORE_ID, message: t('dossiers.rating.scoreRequired') }
        : { fieldId: 'rating-comment', message: t('dossiers.rating.commentTooLong', { max: NOTE_MAX_LENGTH }) },
    ];
  }, [problem, t]);

  const onSubmit = async () => {
    if (score === null) return setProblem({ kind: 'score' });
    const trimmed = comment.trim();
    if (trimmed.length > NOTE_MAX_LENGTH) return setProblem({ kind: 'tooLong' });
    setProblem(null);
    try {
      await rate.mutateAsync({ score, ...(trimmed ? { comment: trimmed } : {}) });
      onDone();
    } catch (e) {
      setProblem({ kind: 'api', error: e });
    }
  };

  return (
    <section className="action-block" aria-labelledby="rating-title">
      <Heading id="rating-title" ref={heading} tabIndex={-1}>
        {t('dossiers.rating.title')}
      </Heading>
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <Radios
          id={SCORE_ID}
          legend={t('dossiers.rating.question')}
          error={scoreError}
          required
          options={SCORES.map((s) => ({ value: String(s), label: t(`dossiers.rating.score.${s}`) }))}
          inputProps={{ name: 'score', onChange: (e) => setScore(Number(e.target.value)) }}
        />
        <Field
          id="rating-comment"
          label={t('dossiers.rating.comment')}
          hint={t('dossiers.rating.commentHint')}
          error={commentError}
        >
          <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Field>
        <Button type="submit" disabled={rate.isPending}>
          {rate.isPending ? t('dossiers.sending') : t('dossiers.rating.send')}
        </Button>
      </form>
    </section>
  );
}
