/** Name of the OpenAPI security scheme of the bootstrap admin token (see AdminTokenGuard). */
export const ADMIN_SECURITY_SCHEME = 'beheertoken';
