import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const server = `http://127.0.0.1:${process.env.PORT ?? 2567}`;

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": server,
      "/matchmake": server,
      // Colyseus room websockets: /{processId}/{roomId}
      "^/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+\\?": { target: server, ws: true },
    },
  },
});
