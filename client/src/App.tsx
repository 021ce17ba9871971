import { usePath } from "./router.ts";
import { Home } from "./screens/Home.tsx";
import { TableScreen } from "./screens/TableScreen.tsx";

export function App() {
  const path = usePath();
  const table = /^\/table\/([A-Za-z0-9_-]+)$/.exec(path);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <a href="/" className="brand" aria-label="Parley home">
          Parley
        </a>
        <span className="tagline">negotiation simulator for international relations</span>
      </header>
      <main id="main">{table?.[1] ? <TableScreen roomId={table[1]} /> : <Home />}</main>
    </>
  );
}
