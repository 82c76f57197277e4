/** TypeBox request/response schemas of the accounts routes (validation + OpenAPI). */
import { Id, Nullable, Text, Timestamp, Type, type Static } from '../../lib/schema.js';
import { PERMISSIONS, ROLES } from './permissions.js';
import { PASSWORD_MAX } from './password.js';
import { EMAIL_MAX, USER_NAME_MAX, type StaffUser } from './user.js';
import type { StaffSession } from './session.service.js';

const Role = Type.Enum([...ROLES]);
const Email = Text(EMAIL_MAX, { minLength: 1, description: 'compared case-insensitively' });
// Generous on input so a long wrong password is a plain LOGIN_FAILED, not a validation error that says something.
const AnyPassword = Text(1024, { minLength: 1 });
const NewPassword = Text(PASSWORD_MAX * 2, { minLength: 1, description: `10 to ${PASSWORD_MAX} characters, not the email` });

export const StaffUserResponse = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
  active: Type.Boolean(),
  createdAt: Timestamp,
  lastLoginAt: Nullable(Timestamp),
});

export const SignedInResponse = Type.Object({
  user: StaffUserResponse,
  csrfToken: Type.String({ description: 'send as the x-csrf-token header on every write made with the session cookie' }),
});

export const MeResponse = Type.Object({
  user: StaffUserResponse,
  csrfToken: Type.String(),
  permissions: Type.Array(Type.Enum([...PERMISSIONS])),
});

export const LoginBody = Type.Object({ email: Email, password: AnyPassword }, { additionalProperties: false });

export const SetupBody = Type.Object(
  {
    token: Text(200, { minLength: 1, description: 'from the link the server printed on first start' }),
    name: Text(USER_NAME_MAX, { minLength: 1 }),
    email: Email,
    password: NewPassword,
  },
  { additionalProperties: false },
);

export const SessionItem = Type.Object({
  id: Type.Integer(),
  current: Type.Boolean({ description: 'the session making this request' }),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  userAgent: Type.String(),
  ip: Type.String(),
});
export const SessionList = Type.Object({ items: Type.Array(SessionItem) });

export const PasswordChangeBody = Type.Object(
  { currentPassword: AnyPassword, newPassword: NewPassword },
  { additionalProperties: false },
);

export const UserCreateBody = Type.Object(
  { email: Email, name: Text(USER_NAME_MAX, { minLength: 1 }), role: Role, password: NewPassword },
  { additionalProperties: false },
);

export const UserPatchBody = Type.Object(
  {
    name: Type.Optional(Text(USER_NAME_MAX, { minLength: 1 })),
    role: Type.Optional(Role),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(NewPassword),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserList = Type.Object({ items: Type.Array(StaffUserResponse) });
export const SessionIdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** Explicit allowlist of what leaves the server: never the password hash. */
export function staffUserResponse(u: StaffUser): Static<typeof StaffUserResponse> {
  return { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt, lastLoginAt: u.lastLoginAt };
}

export function sessionItem(s: StaffSession, currentId: number): Static<typeof SessionItem> {
  return { id: s.id, current: s.id === currentId, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, userAgent: s.userAgent, ip: s.ip };
}
