import { Moon, Sun } from 'lucide-react';
import { IconButton } from '../../components/ui/icon-button.tsx';
import { useTheme } from '../theme.ts';

/** Switches between light and dark; the choice is saved in this browser. */
export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <IconButton
      label={`Switch to ${next} theme`}
      icon={theme === 'dark' ? <Sun size={18} /> : <Moon size={18} />}
      onClick={toggle}
    />
  );
}
