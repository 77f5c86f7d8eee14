import dynamic from "next/dynamic";
import { ModalDialog } from "@/components/ui/modal-dialog";

const TextDiff = dynamic(() => import("./text-diff").then((module) => module.TextDiff), { ssr: false });

/** What a change made meanwhile did to the text the reviewer opened. */
export function ChangesDialog({ before, after, onClose }: { before: string | null; after: string | null | undefined; onClose: () => void }) {
  return (
    <ModalDialog title="What changed since you opened it" open onClose={onClose} wide>
      {after !== undefined ? (
        <TextDiff before={before ?? ""} after={after ?? ""} beforeLabel="When you opened it" afterLabel="Now" />
      ) : (
        <p>The summary is as you opened it.</p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
