// Reconciliation: deciding from the platform's filing query (5304) whether an upload whose outcome
// is unknown arrived. 2501/2502 cannot be reversed (nhsa-interface.md §2.11); the only safe way to a
// second attempt is to ask first (§4, §6). 5304 may not return the serial (§2.10), so a record is
// recognised by what was sent: person, destination institution, dates and diagnosis, recorded no
// earlier than the first attempt.
import type { ReferralRecord, ReferralUpload } from '../platform/types';

/** What an attempt sent, kept with the outbox entry before the request leaves. */
export interface SentReferral {
  personNo: string;
  insuredRegion: string;
  destinationInstitutionCode: string;
  referralDate: string;
  startDate: string;
  diagnosisCode: string | null;
  diagnosisName: string;
  /** Set for an out-of-area upload (its fingerprint in these fields: main/sync/mapping.ts sentOutOfAreaOf). */
  route?: 'out_of_area';
}

export function sentReferralOf(upload: ReferralUpload): SentReferral {
  return {
    personNo: upload.personNo,
    insuredRegion: upload.insuredRegion,
    destinationInstitutionCode: upload.destinationInstitutionCode,
    referralDate: upload.referralDate,
    startDate: upload.startDate,
    diagnosisCode: upload.diagnosisCode ?? null,
    diagnosisName: upload.diagnosisName,
  };
}

const day = (s: string | null): string | null => (s === null ? null : s.slice(0, 10));

/** Same filing as far as the query can tell. */
export function sameReferral(record: ReferralRecord, sent: SentReferral): boolean {
  if (record.personNo !== sent.personNo) return false;
  if (record.destinationInstitutionCode !== sent.destinationInstitutionCode) return false;
  if (day(record.referralDate) !== sent.referralDate) return false;
  if (record.startDate !== null && day(record.startDate) !== sent.startDate) return false;
  return sent.diagnosisCode ? record.diagnosisCode === sent.diagnosisCode : record.diagnosisName === sent.diagnosisName;
}

/** The person's other filings that the desk already knows to be on the platform with the same fingerprint. */
export interface KnownUploads {
  /** Their serials, where known: a record carrying one of these is not ours. */
  serials: ReadonlySet<string>;
  /** How many of them, uploaded inside the window, have no serial yet: that many serial-less records are theirs. */
  withoutSerial: number;
}

export type UploadSearch = { found: false; candidates: number } | { found: true; record: ReferralRecord; serial: string | null };

/**
 * Was the upload recorded? `notBefore` is the window start as the platform writes times
 * ('YYYY-MM-DD HH:mm:ss' CST).
 */
export function findUpload(records: readonly ReferralRecord[], sent: SentReferral, notBefore: string, known: KnownUploads): UploadSearch {
  const candidates = records
    .filter((r) => sameReferral(r, sent) && r.operatedAt >= notBefore && !(r.serial && known.serials.has(r.serial)))
    .sort((a, b) => a.operatedAt.localeCompare(b.operatedAt));
  if (candidates.length <= known.withoutSerial) return { found: false, candidates: candidates.length };
  // Prefer a record whose serial the desk has not seen; the earliest, as the first attempt came first.
  const withSerial = candidates.find((r) => r.serial !== null);
  const record = withSerial ?? candidates[0]!;
  return { found: true, record, serial: record.serial };
}

/**
 * Is the filing still on the platform (i.e. a cancel whose outcome is unknown did not apply)?
 * With serials in the answer the serial decides; without them, the number of matching records
 * is compared with the person's other active uploads of the same fingerprint.
 */
export function stillOnPlatform(
  records: readonly ReferralRecord[],
  serial: string | null,
  sent: SentReferral,
  otherActiveUploads: number,
): boolean {
  if (serial !== null && records.some((r) => r.serial !== null)) return records.some((r) => r.serial === serial);
  return records.filter((r) => sameReferral(r, sent)).length > otherActiveUploads;
}
