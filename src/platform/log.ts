/**
 * Personal data must never reach the logs (MD-5). Request bodies are not logged at all; these paths cover
 * what could still appear in objects we log deliberately.
 */
export const logRedactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.phone',
  '*.phones',
  '*.customerName',
  '*.address',
  '*.idNumber',
  '*.passwordHash',
];
