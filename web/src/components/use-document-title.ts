import { useEffect } from 'react';

/** Names the browser tab after the page, so history and tabs say where they lead. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? 'ArgoVue' : `${title} · ArgoVue`;
  }, [title]);
}
