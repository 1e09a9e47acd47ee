/** A card that opens another page: the whole card is the tap target, its title ends in ›. */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export function NavCard({
  title,
  onOpen,
  testId,
  className,
  children,
}: {
  title: ReactNode;
  onOpen: () => void;
  testId: string;
  /** Added to bf-card. */
  className?: string;
  children?: ReactNode;
}) {
  return (
    <View
      className={className ? `bf-card ${className}` : 'bf-card'}
      hoverClass="bf-card--pressed"
      onClick={onOpen}
      role="button"
      data-testid={testId}
    >
      <View className="bf-card__title">
        <Text>{title}</Text>
        <Text className="bf-card__arrow">›</Text>
      </View>
      {children}
    </View>
  );
}
