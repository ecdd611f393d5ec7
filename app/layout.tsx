import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Knotwise: back pain help', template: '%s | Knotwise' },
  description: 'Answer a short chat about neck, back or hip pain and find out what to do next.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f5c4c' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
