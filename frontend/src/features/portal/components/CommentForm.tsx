import { useState, type FormEvent } from 'react';
import { postComment, type PublicNotice } from '../api/portal';
import {
  type CommentErrors,
  type CommentField,
  type CommentValues,
  describeSendFailure,
  EMPTY_COMMENT,
  toCommentInput,
  validateComment,
} from './comment-form';

function FieldErrors({ field, errors }: { field: CommentField; errors: CommentErrors }) {
  const messages = errors[field];
  if (!messages?.length) return null;
  return (
    <span className="portal-field-error" id={`comment-${field}-error`} data-testid={`comment-${field}-error`}>
      {messages.join(' ')}
    </span>
  );
}

/** A visitor's comment on a notice: shown publicly only after the Office approves it. */
export function CommentForm({ notice }: { notice: PublicNotice }) {
  const [values, setValues] = useState<CommentValues>(EMPTY_COMMENT);
  const [errors, setErrors] = useState<CommentErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const change = (field: CommentField) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateComment(values);
    setErrors(found);
    setMessages([]);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const receipt = await postComment(notice.id, toCommentInput(values));
      setSent(receipt.message || 'Ý kiến đã được ghi nhận và sẽ hiển thị sau khi Văn phòng Sở kiểm duyệt.');
      setValues(EMPTY_COMMENT);
    } catch (error) {
      const failure = describeSendFailure(error);
      setErrors(failure.fields);
      setMessages(failure.messages);
    } finally {
      setSending(false);
    }
  };

  if (sent) {
    return (
      <div className="portal-alert portal-alert-success" role="status" data-testid="comment-sent">
        <p style={{ margin: 0 }}>{sent}</p>
        <button type="button" className="light-button" style={{ marginTop: 8 }} onClick={() => setSent(null)}>
          Gửi ý kiến khác
        </button>
      </div>
    );
  }

  const invalid = (field: CommentField) => (errors[field]?.length ? true : undefined);
  return (
    <form className="portal-form" onSubmit={submit} noValidate data-testid="comment-form">
      <p className="portal-muted" style={{ margin: 0 }}>
        Ý kiến chỉ hiển thị sau khi Văn phòng Sở kiểm duyệt. Thông tin liên hệ chỉ Văn phòng Sở xem, không
        công khai.
      </p>
      {messages.length > 0 && (
        <div className="portal-alert portal-alert-error" role="alert" data-testid="comment-error">
          {messages.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </div>
      )}
      <label>
        Họ và tên
        <input
          value={values.authorName}
          onChange={change('authorName')}
          maxLength={100}
          autoComplete="name"
          aria-invalid={invalid('authorName')}
          data-testid="comment-author"
        />
        <FieldErrors field="authorName" errors={errors} />
      </label>
      <label>
        Điện thoại hoặc thư điện tử (không bắt buộc, không công khai)
        <input
          value={values.contact}
          onChange={change('contact')}
          maxLength={200}
          aria-invalid={invalid('contact')}
          data-testid="comment-contact"
        />
        <FieldErrors field="contact" errors={errors} />
      </label>
      {notice.nominees.length > 1 && (
        <label>
          Góp ý về
          <select value={values.nomineeId} onChange={change('nomineeId')} data-testid="comment-nominee">
            <option value="">Toàn bộ hồ sơ</option>
            {notice.nominees.map((nominee) => (
              <option key={nominee.id} value={nominee.id}>
                {nominee.fullName}
              </option>
            ))}
          </select>
          <FieldErrors field="nomineeId" errors={errors} />
        </label>
      )}
      <label>
        Nội dung ý kiến
        <textarea
          value={values.body}
          onChange={change('body')}
          rows={5}
          maxLength={2000}
          aria-invalid={invalid('body')}
          data-testid="comment-body"
        />
        <small className="portal-muted">{values.body.trim().length}/2.000 ký tự</small>
        <FieldErrors field="body" errors={errors} />
      </label>
      <div>
        <button
          type="submit"
          className="light-button light-button-primary"
          disabled={sending}
          data-testid="comment-submit"
        >
          {sending ? 'Đang gửi…' : 'Gửi ý kiến'}
        </button>
      </div>
    </form>
  );
}
