/**
 * The submit side of <add-card-form>: validate, run the flow, and turn each outcome into what the
 * customer sees (a confirmation, a verification step, a decline, a retry prompt) and what the host
 * hears (events with masked facts and reason codes only).
 */
import { CardAddedEvent } from '../events/card-added.js';
import { PaymentFailedEvent } from '../events/payment-failed.js';
import { PaymentSucceededEvent } from '../events/payment-succeeded.js';
import { SessionExpiredEvent } from '../events/session-expired.js';
import { VerificationRequiredEvent } from '../events/verification-required.js';
import type { Failure } from './failures.js';
import type { FormController } from './form-controller.js';
import { respondToFailure } from './outcome.js';
import type { FlowOutcome } from './submit-flow.js';
import type { Problem } from './validation.js';

/** Runs submissions and verification steps for one form. */
export class Outcomes {
  constructor(private readonly form: FormController) {}

  private get host() {
    return this.form.host;
  }

  private async settled(): Promise<void> {
    this.form.update();
    await this.host.updateComplete;
  }

  /** Submit: refuse with focus on the first invalid field, or send and handle the outcome. */
  async submit(): Promise<void> {
    const form = this.form;
    if (form.busy || this.host.disabled || form.phase !== 'form') return;
    form.submitted = true;
    form.notice = null;
    const first = form.firstBlocking();
    if (first) {
      await this.settled();
      form.focusField(first);
      return;
    }
    const deps = form.deps();
    const nothingToPay = this.host.mode === 'pay' && !this.host.invoiceId && this.host.amount === null;
    if (!deps || nothingToPay) {
      form.notice = { kind: 'problem', problems: [{ key: deps ? 'notConfiguredPay' : 'notConfigured' }] };
      form.update();
      return;
    }
    const input = form.submitInput(form.validate());
    form.busy = true;
    form.update();
    const outcome = await form.flow.submit(input, form.version, deps, form.cardHandedOver);
    form.busy = false;
    await this.apply(outcome);
  }

  /** Sends the one-time code. */
  async confirm(): Promise<void> {
    const form = this.form;
    if (form.busy || form.phase !== 'verify') return;
    if (!form.otp) {
      form.otpError = { key: 'verifyCodeRequired' };
      await this.settled();
      form.focusField('otp');
      return;
    }
    const deps = form.deps();
    if (!deps) return;
    form.busy = true;
    form.otpStatus = null;
    form.update();
    const outcome = await form.flow.confirm(form.otp, deps);
    form.busy = false;
    if (outcome.kind !== 'failed') {
      await this.apply(outcome);
      return;
    }
    const { failure } = outcome;
    if (!form.flow.verification) {
      // the verification is over on the server's side: back to the form, as after a failed submit
      form.phase = 'form';
      await this.fail(failure);
      return;
    }
    const response = respondToFailure(failure, this.host.mode);
    if (response.sessionExpired) this.host.dispatchEvent(new SessionExpiredEvent({ source: 'add-card-form' }));
    form.otpError = response.notice?.problems[0] ?? { key: 'verifyWrongCode' };
    await this.settled();
    form.focusField('otp');
  }

  /** Asks for a new one-time code. */
  async resend(): Promise<void> {
    const form = this.form;
    const deps = form.deps();
    if (form.busy || !deps) return;
    form.busy = true;
    form.update();
    const sent = await form.flow.resend(deps);
    form.busy = false;
    form.otp = '';
    form.otpError = null;
    form.otpStatus = { key: sent ? 'verifyResent' : 'verifyResendFailed' };
    form.update();
  }

  /** Abandons the verification: back to the form with everything kept, reported as a cancel, not a failure. */
  async cancelVerification(): Promise<void> {
    const form = this.form;
    if (form.phase !== 'verify') return;
    form.busy = false;
    await form.flow.cancelVerification(form.deps());
    const mode = this.host.mode;
    form.phase = 'form';
    form.otp = '';
    form.otpError = null;
    form.otpStatus = null;
    if (form.cardNeedsRetyping) form.submitted = false;
    form.notice = { kind: 'info', problems: [{ key: mode === 'pay' ? 'verifyCancelledPay' : 'verifyCancelledAdd' }] };
    if (mode === 'pay') {
      this.host.dispatchEvent(
        new PaymentFailedEvent({ reason: 'verification-cancelled', code: 'verification_cancelled', retryable: true, ...this.invoice() }),
      );
    }
    await this.settled();
    // the verification spent the token: the card must be typed again, so that is where the customer goes
    form.focusField(form.cardNeedsRetyping ? 'number' : 'submit');
  }

  private invoice(): { invoiceId?: string } {
    return this.host.invoiceId ? { invoiceId: this.host.invoiceId } : {};
  }

  private async apply(outcome: FlowOutcome): Promise<void> {
    const form = this.form;
    switch (outcome.kind) {
      case 'ignored':
        form.update();
        return;
      case 'verification':
        form.phase = 'verify';
        form.otp = '';
        form.otpError = null;
        form.otpStatus = null;
        this.host.dispatchEvent(new VerificationRequiredEvent({ kind: outcome.verification.kind }));
        await this.settled();
        form.focusField(outcome.verification.kind === 'otp' ? 'otp' : 'submit');
        return;
      case 'card-added': {
        const { card, cards, policy } = outcome.response;
        this.succeed([{ key: 'successAdded', params: { brand: form.brandName(card.brand), last4: card.last4 } }]);
        this.host.dispatchEvent(new CardAddedEvent({ card, cards, policy }));
        break;
      }
      case 'paid': {
        const { payment, savedCard } = outcome.response;
        const amount = form.money(payment.amount.amount, payment.amount.currency);
        const masked = { brand: form.brandName(payment.card.brand), last4: payment.card.last4 };
        this.succeed([
          amount ? { key: 'successPaid', params: { ...masked, amount } } : { key: 'successPaidNoAmount', params: masked },
          ...(savedCard ? [{ key: 'successSaved' as const }] : []),
        ]);
        this.host.dispatchEvent(new PaymentSucceededEvent(savedCard ? { payment, savedCard } : { payment }));
        break;
      }
      case 'failed':
        await this.fail(outcome.failure);
        return;
    }
    await this.settled();
    form.focusField('success');
  }

  /** Clears every card field (before anyone hears of the success), then shows the confirmation. */
  private succeed(lines: Problem[]): void {
    const form = this.form;
    form.wipeNumber();
    form.wipeCode();
    form.values = { ...form.values, name: '', expiry: '' };
    form.flags = {};
    form.submitted = false;
    form.notice = null;
    form.serverErrors = {};
    form.success = lines;
    form.phase = 'success';
  }

  private async fail(failure: Failure): Promise<void> {
    const form = this.form;
    const response = respondToFailure(failure, this.host.mode);
    if (response.clear.number) form.wipeNumber();
    if (response.clear.code) form.wipeCode();
    // the fields were valid when sent; an emptied one must not shout "required" before the customer types again
    if (response.clear.number || response.clear.code || form.cardNeedsRetyping) form.submitted = false;
    form.notice = response.notice;
    if (response.fieldError) form.serverErrors = { ...form.serverErrors, [response.fieldError.field]: response.fieldError.problem };
    if (response.sessionExpired) this.host.dispatchEvent(new SessionExpiredEvent({ source: 'add-card-form' }));
    if (response.payment) this.host.dispatchEvent(new PaymentFailedEvent({ ...response.payment, ...this.invoice() }));
    await this.settled();
    // a card whose token is gone must be typed again, and the number comes first; otherwise, without a
    // field to fix, focus stays where it was (the submit button): the status line says what happened
    const focus = form.cardNeedsRetyping ? 'number' : response.focus;
    if (focus) form.focusField(focus);
  }
}
