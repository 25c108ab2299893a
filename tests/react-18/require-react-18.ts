import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';

// Without this, a change in resolution could quietly run these tests on React 19 a second time.
if (!reactVersion.startsWith('18.') || !reactDomVersion.startsWith('18.')) {
  throw new Error(`The React 18 test run loaded react ${reactVersion} and react-dom ${reactDomVersion}`);
}
