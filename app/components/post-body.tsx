import { Fragment, type ReactNode } from 'react'
import { parsePost, type Inline } from '~/utils/post-format'

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>
      case 'break':
        return <br key={index} />
      case 'bold':
        return <strong key={index}>{renderInline(node.children)}</strong>
      case 'link':
        return (
          <a key={index} href={node.href} rel="nofollow ugc noopener" target="_blank">
            {renderInline(node.children)}
          </a>
        )
    }
  })
}

/** A post's text with its simple formatting, as React elements: every character is escaped. */
export function PostBody({ body }: { body: string }) {
  return (
    <div className="post-body">
      {parsePost(body).map((block, index) =>
        block.type === 'paragraph' ? (
          <p key={index}>{renderInline(block.children)}</p>
        ) : block.ordered ? (
          <ol key={index} start={block.start === 1 ? undefined : block.start}>
            {block.items.map((item, i) => (
              <li key={i}>{renderInline(item)}</li>
            ))}
          </ol>
        ) : (
          <ul key={index}>
            {block.items.map((item, i) => (
              <li key={i}>{renderInline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  )
}
