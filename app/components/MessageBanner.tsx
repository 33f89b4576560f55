/** Readable messages (bad links, refused values, errors); each can be dismissed. */
import { useStore } from '../store';

export function MessageBanner() {
  const messages = useStore((s) => s.messages);
  const dismiss = useStore((s) => s.dismissMessage);
  const error = useStore((s) => s.error);
  if (messages.length === 0 && !error) return null;
  return (
    <div className="messages" data-testid="messages">
      {error && (
        <div className="message error" role="alert">
          The simulation stopped: {error}. Press Reset to start again.
        </div>
      )}
      {messages.map((m) => (
        <div key={m.id} className={`message ${m.kind}`} role="alert">
          <span>{m.text}</span>
          <button aria-label="Dismiss" onClick={() => dismiss(m.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
