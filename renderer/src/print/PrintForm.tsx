// The A4 备案表: two copies (参保人留存联 / 医院留存联), each starting on its own page, in the chosen
// template, with a 演练 watermark on every page when the desk is in training mode.
import type { ComponentType } from 'react';
import type { PrintFormDto } from '../../../shared/domain/print/form';
import type { PrintTemplateId } from '../../../shared/domain/print/templates';
import { TRAINING_MARK } from '../../../shared/domain/print/slip';
import { HefeiForm } from './HefeiForm';
import { JiangxiForm } from './JiangxiForm';
import { NationalForm } from './NationalForm';
import type { CopyProps } from './parts';

export const TEMPLATE_COMPONENTS: Record<PrintTemplateId, ComponentType<CopyProps>> = {
  national: NationalForm,
  hefei: HefeiForm,
  jiangxi: JiangxiForm,
};

export interface PrintFormProps {
  dto: PrintFormDto;
  template: PrintTemplateId;
  /** A data:image URL of the serial's QR code (shared/domain/print/qr.ts). */
  qrDataUrl: string;
  training: boolean;
}

export function PrintForm({ dto, template, qrDataUrl, training }: PrintFormProps) {
  const Copy = TEMPLATE_COMPONENTS[template];
  return (
    <div className="yb-print" data-template={template}>
      {/* position: fixed repeats on every printed page */}
      {training && (
        <div className="yb-watermark" aria-hidden="true">
          <span>{TRAINING_MARK}</span>
        </div>
      )}
      {dto.copyLabels.map((copyLabel, i) => (
        <section className="yb-copy" key={copyLabel} data-copy={copyLabel}>
          <Copy dto={dto} copyLabel={copyLabel} copyNo={i + 1} qrDataUrl={qrDataUrl} />
        </section>
      ))}
    </div>
  );
}
