import { EventEmitter } from 'node:events'
import { describe, expect, test } from 'vitest'
import { afterResponseWorkDone, runAfterResponse } from './after-response.server'
import { runInRequestScope } from './request-scope.server'

const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms))

/** What the Express server hands the request scope: an emitter of "close", and whether it already closed. */
function fakeResponse(closed = false) {
  return Object.assign(new EventEmitter(), { closed })
}

describe('work handed off by an action', () => {
  test('in a request, it waits until the response has been sent', async () => {
    const done: string[] = []
    const response = fakeResponse()
    runInRequestScope(() => runAfterResponse('test', async () => done.push('job')), response)
    await tick()
    expect(done).toEqual([])
    response.emit('close')
    await afterResponseWorkDone()
    expect(done).toEqual(['job'])
  })

  test('one request’s work does not start because another response closed', async () => {
    const done: string[] = []
    const first = fakeResponse()
    const second = fakeResponse()
    runInRequestScope(() => runAfterResponse('first', async () => done.push('first')), first)
    runInRequestScope(() => runAfterResponse('second', async () => done.push('second')), second)
    second.emit('close')
    await tick()
    expect(done).toEqual(['second'])
    first.emit('close')
    await afterResponseWorkDone()
    expect(done).toEqual(['second', 'first'])
  })

  test('a client that left before the answer still gets its work done; a failing job does not stop the next', async () => {
    const done: string[] = []
    runInRequestScope(() => runAfterResponse('failing', async () => Promise.reject(new Error('boom'))), fakeResponse(true))
    runInRequestScope(() => runAfterResponse('after it', async () => done.push('after it')), fakeResponse(true))
    await afterResponseWorkDone()
    expect(done).toEqual(['after it'])
  })

  test('outside a request (tests, scripts) it runs on a short timer, one job at a time in order', async () => {
    const log: string[] = []
    const job = (name: string) => async () => {
      log.push(`${name} start`)
      await tick(10)
      log.push(`${name} end`)
    }
    runAfterResponse('a', job('a'))
    runAfterResponse('b', job('b'))
    expect(log).toEqual([])
    await afterResponseWorkDone()
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end'])
  })
})
