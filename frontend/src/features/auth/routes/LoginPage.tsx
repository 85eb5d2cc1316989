import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError, problemFieldErrors } from '@/lib/api/problem';
import { useSession } from '@/lib/auth/use-session';
import { usePageTitle } from '@/lib/page-title';
import { PATHS } from '@/lib/paths';
import { useLogin } from '../api/login';
import { LoginProblem } from '../components/LoginProblem';
import { EyeIcon, EyeInvisibleIcon, LockIcon, UserIcon } from '../components/icons';

/*
 * The sign-in page is the first page most people load, often on a slow line: it is plain React
 * and the small stylesheet (styles.css), with none of the UI library, which comes with the
 * signed-in part of the app.
 */

type Field = 'username' | 'password';
type Values = Record<Field, string>;
type FieldErrors = Partial<Record<Field, string[]>>;

const FIELDS: readonly Field[] = ['username', 'password'];

const REQUIRED: Record<Field, string> = {
  username: 'Nhập tên đăng nhập.',
  password: 'Nhập mật khẩu.',
};

function validateField(field: Field, value: string): string[] | undefined {
  const empty = field === 'username' ? value.trim() === '' : value === '';
  return empty ? [REQUIRED[field]] : undefined;
}

/** Counts down the seconds the server asked us to wait after too many failed attempts. */
function useCountdown(): [number, (seconds: number) => void] {
  const [remaining, setRemaining] = useState(0);
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setTimeout(() => setRemaining((value) => value - 1), 1000);
    return () => clearTimeout(timer);
  }, [remaining]);
  return [remaining, setRemaining];
}

interface LoginPageProps {
  /** Called once, when someone starts filling the form (the app then loads what follows sign-in). */
  onActivity?: () => void;
}

export default function LoginPage({ onActivity }: LoginPageProps) {
  usePageTitle('Đăng nhập');
  const { status } = useSession();
  const location = useLocation();
  const { login, isPending, error } = useLogin();
  const [waitSeconds, startWait] = useCountdown();
  const [values, setValues] = useState<Values>({ username: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [showPassword, setShowPassword] = useState(false);
  const active = useRef(false);

  if (status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return (
      <div className="light-center" role="status" aria-live="polite">
        <span className="light-spinner" aria-hidden="true" />
        <span className="visually-hidden">Đang mở trang…</span>
        <Navigate to={from && from !== PATHS.login ? from : PATHS.home} replace />
      </div>
    );
  }

  const change = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    if (!active.current) {
      active.current = true;
      onActivity?.();
    }
    setValues((current) => ({ ...current, [field]: value }));
    // As the form library did: a change re-checks the field and clears the server's message on it.
    setErrors((current) => ({ ...current, [field]: validateField(field, value) }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors = {};
    for (const field of FIELDS) found[field] = validateField(field, values[field]);
    setErrors(found);
    const firstInvalid = FIELDS.find((field) => found[field]);
    if (firstInvalid) {
      document.getElementById(`login-${firstInvalid}`)?.focus();
      return;
    }
    onActivity?.();
    const failure = await login({ username: values.username.trim(), password: values.password });
    if (!failure) return;
    if (isApiError(failure)) {
      const fromServer: FieldErrors = {};
      for (const { name, errors: messages } of problemFieldErrors(failure.problem, FIELDS).fields) {
        const field = name[0] as Field;
        fromServer[field] = [...(fromServer[field] ?? []), ...messages];
      }
      setErrors(fromServer);
      if (isApiError(failure, 'too_many_requests') && failure.retryAfter) startWait(failure.retryAfter);
    }
  };

  const field = (name: Field, label: string, input: ReactNode, suffix?: ReactNode) => {
    const messages = errors[name];
    return (
      <div className={messages ? 'login-field login-field-invalid' : 'login-field'}>
        <label className="login-label" htmlFor={`login-${name}`}>
          {label}
        </label>
        <div className="login-input">
          {name === 'username' ? (
            <UserIcon className="login-input-icon" />
          ) : (
            <LockIcon className="login-input-icon" />
          )}
          {input}
          {suffix}
        </div>
        {messages && (
          <div id={`login-${name}-error`} className="login-field-message" data-testid={`login-${name}-error`}>
            {messages.map((message) => (
              <div key={message}>{message}</div>
            ))}
          </div>
        )}
      </div>
    );
  };

  const inputProps = (name: Field) => ({
    id: `login-${name}`,
    name,
    value: values[name],
    onChange: change(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `login-${name}-error` : undefined,
    'aria-required': true,
    'data-testid': `login-${name}`,
  });

  return (
    <main className="auth-page">
      <section className="auth-card login-card" data-testid="login-card" aria-labelledby="login-title">
        <header className="login-brand">
          <h1 id="login-title" className="login-title">
            Lan Tỏa
          </h1>
          <p className="login-subtitle">
            Quản lý điển hình tiên tiến
            <br />
            Sở Tư pháp tỉnh Đồng Tháp
          </p>
        </header>
        <LoginProblem error={error} formFields={FIELDS} />
        {waitSeconds > 0 && (
          <p className="login-wait" role="status" data-testid="login-wait">
            Bạn có thể thử lại sau {waitSeconds} giây.
          </p>
        )}
        <form className="login-form" noValidate onSubmit={submit} aria-busy={isPending}>
          <fieldset className="login-fieldset" disabled={isPending}>
            {field(
              'username',
              'Tên đăng nhập',
              <input
                {...inputProps('username')}
                type="text"
                autoComplete="username"
                autoFocus
                autoCapitalize="none"
                spellCheck={false}
              />,
            )}
            {field(
              'password',
              'Mật khẩu',
              <input
                {...inputProps('password')}
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
              />,
              <button
                type="button"
                className="login-reveal"
                onClick={() => setShowPassword((shown) => !shown)}
                aria-label={showPassword ? 'Ẩn mật khẩu' : 'Hiện mật khẩu'}
                aria-controls="login-password"
                title={showPassword ? 'Ẩn mật khẩu' : 'Hiện mật khẩu'}
              >
                {showPassword ? <EyeIcon /> : <EyeInvisibleIcon />}
              </button>,
            )}
            <button
              type="submit"
              className="light-button light-button-primary light-button-large login-submit"
              disabled={isPending || waitSeconds > 0}
              data-testid="login-submit"
            >
              {isPending && <span className="light-spinner light-spinner-small" aria-hidden="true" />}
              Đăng nhập
            </button>
          </fieldset>
        </form>
        <p className="login-help">
          Quên mật khẩu? Liên hệ quản trị hệ thống của Sở để được cấp mật khẩu tạm thời.
        </p>
      </section>
    </main>
  );
}
