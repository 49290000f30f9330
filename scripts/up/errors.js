/** A problem `npm run up` explains to the user itself: printed without a stack trace, exit 1. */
class UpError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UpError';
  }
}

module.exports = { UpError };
