import { expect } from '@open-wc/testing';
import { CORE_MESSAGE_KEYS, CORE_MESSAGE_PLACEHOLDERS } from '../../src/core/messages.js';
import { declineInfo, KNOWN_DECLINE_CODES } from '../../src/core/declines.js';
import { coreMessages } from '../../src/i18n/en/core.js';
import { formatMessage } from '../../src/i18n/format.js';

const messages: Record<string, string> = coreMessages;

describe('core messages (English)', () => {
  it('has a message for every key the core returns, and no other', () => {
    expect(Object.keys(coreMessages).sort()).to.deep.equal([...CORE_MESSAGE_KEYS].sort());
  });

  it('has a message for every decline the core maps', () => {
    for (const code of KNOWN_DECLINE_CODES) {
      const info = declineInfo(code);
      expect(messages[info.messageKey], info.messageKey).to.be.a('string');
      expect(messages[info.nextStepKey], info.nextStepKey).to.be.a('string');
    }
  });

  for (const key of CORE_MESSAGE_KEYS) {
    it(`${key}: a sentence with known placeholders and no card data`, () => {
      const message = messages[key];
      expect(message.trim(), key).to.equal(message);
      expect(message.length, key).to.be.greaterThan(3);
      for (const [, name] of message.matchAll(/\{(\w+)\}/g)) {
        expect(CORE_MESSAGE_PLACEHOLDERS as readonly string[], `${key} uses {${name}}`).to.include(name);
      }
      expect(/\d{3,}/.test(message), `${key} holds a run of digits`).to.equal(false);
      const filled = formatMessage(message, { brand: 'JCB', code: 'CVC', length: 3 });
      expect(filled, key).not.to.match(/\{\w+\}/);
    });
  }

  it('reads well with its placeholders filled', () => {
    expect(formatMessage(coreMessages.numberBrandNotAccepted, { brand: 'JCB' })).to.equal('We don’t accept JCB. Use another card.');
    expect(formatMessage(coreMessages.codeIncomplete, { length: 4, code: 'CID' })).to.equal('Enter the 4-digit CID.');
  });
});
