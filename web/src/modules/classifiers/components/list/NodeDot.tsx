interface Props {
  color: string
}

/** A node's colour as a small dot (nothing when the node has none). */
export function NodeDot({ color }: Props) {
  if (!color) return null
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 8,
        height: 8,
        borderRadius: '50%',
        background: color,
        marginInlineEnd: 6,
        flex: 'none',
      }}
    />
  )
}
