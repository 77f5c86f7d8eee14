import type { TranscriptTurn } from "@/lib/providers/types";

function offset(from: string, at: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(from)) / 1000));
  const m = Math.floor(seconds / 60);
  return `+${String(m).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

export function TranscriptPanel({ turns, startedAt }: { turns: TranscriptTurn[]; startedAt: string }) {
  return (
    <section className="transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title">Transcript</h2>
      {turns.length === 0 ? (
        <p className="muted">This call has no transcript.</p>
      ) : (
        <ol className="turns">
          {turns.map((turn, index) => (
            <li key={index} className={`turn ${turn.speaker}`}>
              <div className="turn-head">
                <span className="speaker">{turn.speakerName ?? (turn.speaker === "agent" ? "Agent" : "Customer")}</span>
                <time dateTime={turn.at} className="muted">
                  {offset(startedAt, turn.at)}
                </time>
              </div>
              <p>{turn.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
