;;; eglot.el --- drives Emacs's eglot against the Outcome Drafting server, in batch  -*- lexical-binding: t -*-
;; emacs --batch -l eglot.el
;; Reads OUTCOME_NODE, OUTCOME_SERVER, OUTCOME_FILE, OUTCOME_LINE/OUTCOME_CHARACTER (where to ask
;; for a completion, 0-based) and writes what the client got to OUTCOME_RESULT as JSON.
(require 'eglot)
(require 'json)

(define-derived-mode outcome-mode text-mode "Outcome")

(defvar outcome-result (list :diagnostics [] :completion [] :errors []))
(defvar outcome-timeout (/ (string-to-number (or (getenv "OUTCOME_TIMEOUT_MS") "20000")) 1000.0))

(defun outcome-wait (condition)
  "Process the server's output until CONDITION holds; nil when the time limit passed first."
  (let ((deadline (+ (float-time) outcome-timeout)) (done nil))
    (while (and (not (setq done (funcall condition))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    done))

(defun outcome-error (text)
  (plist-put outcome-result :errors (vconcat (plist-get outcome-result :errors) (list text))))

(condition-case err
    (let* ((file (getenv "OUTCOME_FILE"))
           (buffer (find-file-noselect file)))
      (with-current-buffer buffer
        (outcome-mode)
        (eglot '(outcome-mode) (cons 'transient (file-name-directory file)) 'eglot-lsp-server
               (list (getenv "OUTCOME_NODE") (getenv "OUTCOME_SERVER") "--stdio") "council-outcome")
        (unless (outcome-wait (lambda () eglot--managed-mode)) (outcome-error "eglot did not manage the buffer"))
        ;; Pushed diagnostics, as eglot hands them to Flymake.
        (unless (outcome-wait (lambda () eglot--diagnostics)) (outcome-error "no diagnostics within the time limit"))
        (plist-put outcome-result :diagnostics
                   (vconcat (mapcar (lambda (d)
                                      (save-excursion
                                        (goto-char (flymake-diagnostic-beg d))
                                        (list :line (1- (line-number-at-pos)) :character (current-column)
                                              :message (flymake-diagnostic-text d))))
                                    eglot--diagnostics)))
        (goto-char (point-min))
        (forward-line (string-to-number (getenv "OUTCOME_LINE")))
        (forward-char (string-to-number (getenv "OUTCOME_CHARACTER")))
        (let* ((answer (jsonrpc-request (eglot-current-server) :textDocument/completion (eglot--CompletionParams)))
               (items (if (vectorp answer) answer (plist-get answer :items))))
          (plist-put outcome-result :completion (vconcat (mapcar (lambda (i) (plist-get i :label)) items))))
        (eglot-shutdown (eglot-current-server))))
  (error (outcome-error (error-message-string err))))

(with-temp-file (getenv "OUTCOME_RESULT")
  (insert (json-encode outcome-result)))
(kill-emacs 0)
