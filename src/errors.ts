/** Every error the public API throws carries a stable `code`. */
export interface ArticleTaggerErrorShape {
  readonly code: string;
}

/**
 * Thrown when the text is not a string.
 * @example
 * try { tagArticle(42 as never) } catch (e) { if (e instanceof InvalidInputError) console.log(e.code) }
 */
export class InvalidInputError extends TypeError implements ArticleTaggerErrorShape {
  readonly code = 'ERR_INVALID_INPUT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/**
 * Thrown when the text is longer than `maxLength` characters (default 1,000,000).
 * @example
 * try { tagArticle('x'.repeat(11), { maxLength: 10 }) } catch (e) { if (e instanceof ArticleTooLargeError) console.log(e.length) }
 */
export class ArticleTooLargeError extends RangeError implements ArticleTaggerErrorShape {
  readonly code = 'ERR_ARTICLE_TOO_LARGE' as const;
  constructor(
    readonly length: number,
    readonly maxLength: number,
  ) {
    super(`text is ${length} characters long, over the maxLength of ${maxLength}`);
    this.name = 'ArticleTooLargeError';
  }
}

/**
 * Thrown when options or tagger configuration do not validate; `issues` name each bad path.
 * @example
 * try { tagArticle('Hi', { dateOrder: 'YMD' as never }) } catch (e) { if (e instanceof InvalidOptionsError) console.log(e.issues[0].path) }
 */
export class InvalidOptionsError extends TypeError implements ArticleTaggerErrorShape {
  readonly code = 'ERR_INVALID_OPTIONS' as const;
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'InvalidOptionsError';
  }
}
