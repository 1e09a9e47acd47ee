/**
 * What the Lambda bundle puts in place of `form-data` (infra/lib/lambdaBundling.ts aliases it).
 *
 * Why: the Tencent Cloud SDK loads it for multipart uploads (with combined-stream, asynckit and
 * mime-types: 10 KB). Sending a text is one JSON request. Should anything ever build a form, it
 * says so rather than fail some other way.
 */
module.exports = function FormData() {
  throw new Error('form-data is not in the Lambda bundle: the texts are sent as JSON');
};
