import { createRoot } from 'react-dom/client';

function App() {
  return <div>乡镇司法台账</div>;
}

createRoot(document.getElementById('root')!).render(<App />);
